import os

import tensorflow as tf

from prepay.config import RunConfig


def configure_determinism(cfg: RunConfig) -> None:
    """Seed Python, NumPy and TensorFlow from the run config and make TF ops deterministic."""
    os.environ["PYTHONHASHSEED"] = str(cfg.seed)
    tf.keras.utils.set_random_seed(cfg.seed)  # seeds random, numpy and tensorflow together
    tf.config.experimental.enable_op_determinism()
