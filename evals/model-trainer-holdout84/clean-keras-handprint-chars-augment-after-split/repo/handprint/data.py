import numpy as np
import tensorflow as tf
from sklearn.model_selection import StratifiedGroupKFold


def load_crops(path):
    z = np.load(path, allow_pickle=True)
    return z["images"].astype("float32")[..., None] / 255.0, z["labels"], z["writer_ids"], list(z["classes"])


def writer_disjoint_split(y, writers, seed):
    """Test = one fold, validation = another fold; no writer appears in two parts."""
    sgkf = StratifiedGroupKFold(n_splits=6, shuffle=True, random_state=seed)
    folds = [te for _, te in sgkf.split(np.zeros(len(y)), y, writers)]
    test, val = folds[0], folds[1]
    train = np.setdiff1d(np.arange(len(y)), np.concatenate([test, val]))
    return train, val, test


def augmenter(seed):
    return tf.keras.Sequential([
        tf.keras.layers.RandomRotation(0.04, fill_mode="constant", seed=seed),
        tf.keras.layers.RandomTranslation(0.08, 0.08, fill_mode="constant", seed=seed),
        tf.keras.layers.RandomZoom((-0.1, 0.1), fill_mode="constant", seed=seed),
    ], name="augment")


def make_dataset(x, y, batch_size, seed, augment=None, shuffle=False):
    ds = tf.data.Dataset.from_tensor_slices((x, y))
    if shuffle:
        ds = ds.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
    ds = ds.batch(batch_size)
    if augment is not None:
        ds = ds.map(lambda a, b: (augment(a, training=True), b), num_parallel_calls=tf.data.AUTOTUNE)
    return ds.prefetch(tf.data.AUTOTUNE)
