"""The main module of the trainer's child process: it runs nothing.

Python's "spawn" start method runs the parent's main module again in the
child, as ``__mp_main__``, so that functions defined there can be unpickled.
For a teacher's script that builds the studio window without an
``if __name__ == "__main__":`` guard, that would start a second studio inside
the trainer.  The trainer needs nothing from the parent's main module (its
entry point, :func:`.trainer_process.serve`, lives in this package), so
:class:`.trainer_process.TrainerProcess` names this module as the main one
while it starts the child.
"""
