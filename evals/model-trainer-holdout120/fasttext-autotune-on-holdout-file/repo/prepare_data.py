"""Write fastText-format files from the ticket export.

Each line: __label__<category> <normalised text>
"""
import re
import sys
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

SEED = 2024
OUT_DIR = Path("data/ft")


def normalise(text: str) -> str:
    text = text.lower()
    text = re.sub(r"https?://\S+", " url ", text)
    text = re.sub(r"[\w.+-]+@[\w-]+\.[\w.]+", " email ", text)
    text = re.sub(r"\d+", " 0 ", text)
    text = re.sub(r"([.!?,'/()])", r" \1 ", text)
    return re.sub(r"\s+", " ", text).strip()


def to_ft_lines(df: pd.DataFrame):
    labels = "__label__" + df["category"].str.replace(" ", "_")
    return (labels + " " + df["text"].map(normalise)).tolist()


def main(csv_path: str):
    df = pd.read_csv(csv_path)
    df = df.dropna(subset=["category", "text"])
    df = df[df["text"].str.len() > 10]
    train_df, holdout_df = train_test_split(
        df, test_size=0.15, stratify=df["category"], random_state=SEED
    )
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "tickets.train").write_text("\n".join(to_ft_lines(train_df)) + "\n")
    (OUT_DIR / "tickets.holdout").write_text("\n".join(to_ft_lines(holdout_df)) + "\n")
    print(f"train={len(train_df)} holdout={len(holdout_df)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/helpdesk_tickets.csv")
