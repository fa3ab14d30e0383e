import pandas as pd
from sklearn.model_selection import train_test_split

EVENT_TYPES = ["goal", "shot", "foul", "card", "substitution", "corner", "offside", "var", "other"]


def load_splits(path: str, test_size: float, valid_size: float, seed: int):
    df = pd.read_csv(path).dropna(subset=["text", "event_type"])
    df = df[df["event_type"].isin(EVENT_TYPES)]
    df["label"] = df["event_type"].map({e: i for i, e in enumerate(EVENT_TYPES)})
    # whole matches go to one split so commentary templates from a single broadcast do not straddle splits
    matches = df[["match_id"]].drop_duplicates()
    m_trainval, m_test = train_test_split(matches, test_size=test_size, random_state=seed)
    m_train, m_valid = train_test_split(m_trainval, test_size=valid_size / (1 - test_size), random_state=seed)
    pick = lambda m: df[df["match_id"].isin(m["match_id"])].reset_index(drop=True)
    return pick(m_train), pick(m_valid), pick(m_test)
