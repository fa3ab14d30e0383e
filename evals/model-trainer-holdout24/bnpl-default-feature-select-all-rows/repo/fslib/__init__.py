from .reader import load_feature_view

__all__ = ["load_feature_view"]
