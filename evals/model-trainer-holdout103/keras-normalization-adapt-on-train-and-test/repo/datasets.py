import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras


def load_cifar100(val_fraction, seed):
    (x_train, y_train), (x_test, y_test) = keras.datasets.cifar100.load_data(label_mode="fine")
    y_train, y_test = y_train.ravel(), y_test.ravel()
    x_tr, x_val, y_tr, y_val = train_test_split(
        x_train, y_train, test_size=val_fraction, stratify=y_train, random_state=seed
    )
    return (x_tr.astype("float32"), y_tr), (x_val.astype("float32"), y_val), \
        (x_test.astype("float32"), y_test)


def all_pixels(*arrays):
    """Stack image arrays for statistics."""
    return np.concatenate(arrays, axis=0)
