import logging

import numpy as np
import pandas as pd

log = logging.getLogger(__name__)

DROP_COLS = ["transaction_id", "card_id", "merchant_id"]


def load_transactions(path: str, target: str) -> tuple[pd.DataFrame, pd.Series]:
    frame = pd.read_parquet(path)
    frame = frame.drop(columns=DROP_COLS)
    frame["amount_log"] = np.log1p(frame["amount"])
    frame["is_night"] = frame["hour"].between(0, 5).astype(int)
    y = frame.pop(target).astype(int)
    log.info("loaded %d rows, fraud rate %.4f", len(frame), y.mean())
    return frame, y

