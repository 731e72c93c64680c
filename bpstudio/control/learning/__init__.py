"""Learning aids without Qt: lessons, exercises that check an answer, the glossary."""
