"""The JVal plot, gradient health and the finished runs beside them."""
