import pandas as pd
from sklearn.model_selection import train_test_split

QUEUES = ["billing", "shipping", "returns", "account_access", "product_defect", "other"]


def load_tickets(path):
    df = pd.read_json(path, lines=True)
    df = df[df["queue"].isin(QUEUES)]
    df["text"] = df["subject"].fillna("") + "\n" + df["body"].fillna("")
    return df[["ticket_id", "text", "queue"]].drop_duplicates("ticket_id")


def split_tickets(df, seed, test_frac=0.2):
    return train_test_split(df, test_size=test_frac, stratify=df["queue"], random_state=seed)
