"""Garbage is collected on the GUI thread only: a collection on the training thread could free Qt objects there."""

import gc


def test_automatic_collection_is_off_and_the_gui_thread_collects(qtbot, open_studio):
    open_studio()
    assert not gc.isenabled()  # the training and background threads never start a collection
    threshold = gc.get_threshold()[0]
    for _ in range(3 * threshold):  # cyclic garbage, well past the first generation's threshold
        node = []
        node.append(node)
    del node
    assert gc.get_count()[0] > threshold
    qtbot.waitUntil(lambda: gc.get_count()[0] < threshold, timeout=5000)  # the GUI thread's timer collected
