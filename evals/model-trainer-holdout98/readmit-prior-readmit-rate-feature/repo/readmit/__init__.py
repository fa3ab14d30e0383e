"""30-day readmission modelling on the UCI Diabetes 130-US hospitals extract."""
