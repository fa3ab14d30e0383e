import pandas as pd

QUEUES = ["billing", "access", "hardware", "network", "software", "other"]


def load_tickets(path: str) -> pd.DataFrame:
    df = pd.read_json(path, lines=True)
    df = df[df["queue"].isin(QUEUES)]
    df["body"] = (df["subject"].fillna("") + " . " + df["description"].fillna(""))
    return df.drop_duplicates(subset=["body"]).reset_index(drop=True)
