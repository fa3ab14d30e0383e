import logging

import pandas as pd
from imblearn.over_sampling import RandomOverSampler

log = logging.getLogger(__name__)


def load_surveys(cfg):
    df = pd.read_csv(cfg["survey_csv"])
    df = df.dropna(subset=[cfg["target"]])
    for col in cfg["categorical"]:
        df[col] = df[col].fillna("unknown").astype(str)
    return df


def prepare(df, cfg):
    """Return model matrix and labels; severe events are ~9% of surveys so rebalance here."""
    X = df[cfg["categorical"] + cfg["numeric"]]
    y = df[cfg["target"]].astype(int)
    ros = RandomOverSampler(sampling_strategy=0.5, random_state=cfg["seed"])
    X, y = ros.fit_resample(X, y)
    log.info("after oversampling: %d rows, positive rate %.2f", len(y), y.mean())
    return X.reset_index(drop=True), y.reset_index(drop=True)
