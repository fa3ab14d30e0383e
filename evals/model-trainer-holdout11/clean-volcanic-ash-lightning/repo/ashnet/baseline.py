import numpy as np
from sklearn.metrics import f1_score


def split_window_rule(test_frame, classes):
    """Classic reverse-absorption test: BTD(10.8-12.0) < 0 K means ash, cold BT means cloud."""
    pred = np.where(test_frame["btd_108_120"] < 0, classes.index("ash"),
                    np.where(test_frame["bt_108"] < 265, classes.index("meteo_cloud"), classes.index("clear")))
    truth = test_frame["label"].map({c: i for i, c in enumerate(classes)})
    return f1_score(truth, pred, average="macro")
