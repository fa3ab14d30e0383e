from .data import load_splits, tokenize_and_align
from .metrics import build_compute_metrics

__all__ = ["load_splits", "tokenize_and_align", "build_compute_metrics"]
