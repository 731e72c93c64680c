"""What the studio says about numbers: names, reasons, tips, formats, escaping."""
