import tensorflow as tf


def set_seeds(seed: int) -> None:
    """Python, NumPy and TF seeds in one call, plus deterministic TF kernels."""
    tf.keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
