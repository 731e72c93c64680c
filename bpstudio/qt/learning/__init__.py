"""Learning in the window: lessons, the tour, exercises, the glossary and the manual."""
