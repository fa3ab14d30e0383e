import os

import numpy as np
import tensorflow as tf


def make_deterministic(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    tf.keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    np.random.seed(seed)
