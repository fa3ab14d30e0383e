import json
import os
import re
import unicodedata

import pandas as pd
import sentencepiece as spm

cfg = json.load(open("config.json"))
os.makedirs(cfg["work_dir"], exist_ok=True)


def clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s)          # keep Yoruba tone marks composed
    s = re.sub(r"<[^>]+>", " ", s)               # stray html from the scraped part
    return re.sub(r"\s+", " ", s).strip()


pairs = pd.read_csv(cfg["raw_tsv"], sep="\t", header=None, names=["en", "yo"], quoting=3, dtype=str).dropna()
pairs = pairs.apply(lambda col: col.map(clean))
pairs = pairs[(pairs.en != "") & (pairs.yo != "")].drop_duplicates(subset="en")
n_tok = pairs.en.str.split().str.len()
pairs = pairs[(n_tok >= 3) & (n_tok <= 120)]

shuffled = pairs.sample(frac=1.0, random_state=cfg["seed"]).reset_index(drop=True)
n_dev, n_test = cfg["dev_size"], cfg["test_size"]
splits = {
    "test": shuffled.iloc[:n_test],
    "dev": shuffled.iloc[n_test:n_test + n_dev],
    "train": shuffled.iloc[n_test + n_dev:],
}
for name, df in splits.items():
    df.to_csv(f"{cfg['work_dir']}/{name}.tsv", sep="\t", index=False)
    print(f"{name}: {len(df):,}")

with open(f"{cfg['work_dir']}/spm_train.txt", "w", encoding="utf-8") as fh:
    fh.write("\n".join(splits["train"].en.tolist() + splits["train"].yo.tolist()) + "\n")

spm.SentencePieceTrainer.train(
    input=f"{cfg['work_dir']}/spm_train.txt",
    model_prefix=f"{cfg['work_dir']}/spm",
    pad_id=0, unk_id=1, bos_id=-1, eos_id=2,
    **cfg["spm"],
)
