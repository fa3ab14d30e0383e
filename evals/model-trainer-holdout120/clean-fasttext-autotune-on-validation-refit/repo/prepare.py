import json
import re
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

cfg = json.load(open("config.json"))
work = Path(cfg["work_dir"])
work.mkdir(parents=True, exist_ok=True)


def ft_line(label, text):
    text = re.sub(r"\s+", " ", str(text).lower())
    text = re.sub(r"([.,!?;:()\"'])", r" \1 ", text)
    return f"__label__{label.replace(' ', '-')} {text.strip()}"


df = pd.read_csv(cfg["raw_csv"]).dropna(subset=["category", "text"])
train_df, rest = train_test_split(
    df, test_size=cfg["valid_frac"] + cfg["test_frac"], stratify=df["category"], random_state=cfg["seed"]
)
valid_df, test_df = train_test_split(
    rest, test_size=cfg["test_frac"] / (cfg["valid_frac"] + cfg["test_frac"]),
    stratify=rest["category"], random_state=cfg["seed"],
)
for name, part in [("train", train_df), ("valid", valid_df), ("test", test_df)]:
    lines = [ft_line(l, t) for l, t in zip(part["category"], part["text"])]
    (work / f"{name}.txt").write_text("\n".join(lines) + "\n")
    print(name, len(lines))

# train+valid concatenation for the final refit
(work / "train_valid.txt").write_text((work / "train.txt").read_text() + (work / "valid.txt").read_text())
