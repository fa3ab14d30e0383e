from .features import build_design_matrix, NUMERIC, CATEGORICAL

__all__ = ["build_design_matrix", "NUMERIC", "CATEGORICAL"]
