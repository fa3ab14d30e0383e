import logging
import re

import pandas as pd
from sklearn.model_selection import train_test_split

from .config import TrainConfig

log = logging.getLogger(__name__)
_WS = re.compile(r"\s+")
_SIG = re.compile(r"(?is)(--\s*\n|best regards|kind regards|sent from my).*$")


def clean_text(text: str) -> str:
    text = _SIG.sub("", text or "")
    return _WS.sub(" ", text).strip().lower()


def load_tickets(cfg: TrainConfig) -> pd.DataFrame:
    df = pd.read_json(cfg.data_path, lines=True)
    df[cfg.text_col] = (df["subject"].fillna("") + " . " + df[cfg.text_col].fillna("")).map(clean_text)
    counts = df[cfg.label_col].value_counts()
    keep = counts[counts >= cfg.min_label_count].index
    log.info("keeping %d/%d queues", len(keep), len(counts))
    return df[df[cfg.label_col].isin(keep)].reset_index(drop=True)


def split(df: pd.DataFrame, cfg: TrainConfig):
    train_df, test_df = train_test_split(
        df, test_size=cfg.test_fraction, stratify=df[cfg.label_col]
    )
    return train_df, test_df
