"""The training runtime: the session, its commands, the gate and the trainer's process."""
