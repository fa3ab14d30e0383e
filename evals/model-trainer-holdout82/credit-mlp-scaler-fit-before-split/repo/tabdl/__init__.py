from .features import FeatureState, build_feature_state, apply_feature_state
from .model import EmbeddingMLP

__all__ = ["FeatureState", "build_feature_state", "apply_feature_state", "EmbeddingMLP"]
