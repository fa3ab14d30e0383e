import logging

import pandas as pd

log = logging.getLogger(__name__)


def load_utterances(path, text_col, label_col, min_per_intent=1):
    df = pd.read_csv(path)
    df = df.rename(columns={text_col: "text", label_col: "label"})
    df["text"] = df["text"].astype(str).str.strip()
    df = df[df["text"].str.len() > 0]

    counts = df["label"].value_counts()
    keep = counts[counts >= min_per_intent].index
    dropped = sorted(set(counts.index) - set(keep))
    if dropped:
        log.info("dropping %d rare intents: %s", len(dropped), ", ".join(dropped))
    df = df[df["label"].isin(keep)].reset_index(drop=True)
    log.info("loaded %d utterances over %d intents", len(df), df["label"].nunique())
    return df
