from .data import build_dataset, scaffold_split
from .engine import evaluate, train_one_epoch
from .model import GINRegressor

__all__ = ["build_dataset", "scaffold_split", "evaluate", "train_one_epoch", "GINRegressor"]
