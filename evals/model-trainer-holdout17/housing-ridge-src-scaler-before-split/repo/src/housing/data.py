import logging

import pandas as pd

log = logging.getLogger(__name__)

# the census extract caps house values; capped rows are not real prices
VALUE_CAP = 500001


def load_raw(path):
    df = pd.read_csv(path)
    log.info("loaded %d rows from %s", len(df), path)
    df = df.drop_duplicates()
    df = df[df["median_house_value"] < VALUE_CAP]
    return df.reset_index(drop=True)
