import os
import random

import numpy as np
import tensorflow as tf


def set_global_seed(seed: int, deterministic_ops: bool = True) -> None:
    """Seed python, numpy and TensorFlow; optionally request deterministic kernels."""
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    tf.keras.utils.set_random_seed(seed)
    if deterministic_ops:
        tf.config.experimental.enable_op_determinism()
