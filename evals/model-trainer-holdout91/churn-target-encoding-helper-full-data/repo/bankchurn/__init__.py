"""Bank customer churn (Playground Series S4E1) modelling helpers."""
