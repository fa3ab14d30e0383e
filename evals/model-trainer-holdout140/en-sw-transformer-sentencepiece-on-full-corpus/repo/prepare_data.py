"""Build the joint EN/SW SentencePiece model and the train/dev/test TSVs.

usage: python prepare_data.py --corpus data/raw/en_sw_parallel.tsv --out data/prepared
"""
import argparse
import os
import unicodedata

import pandas as pd
import sentencepiece as spm
from sklearn.model_selection import train_test_split

ap = argparse.ArgumentParser()
ap.add_argument("--corpus", default="data/raw/en_sw_parallel.tsv")
ap.add_argument("--out", default="data/prepared")
ap.add_argument("--vocab_size", type=int, default=16000)
ap.add_argument("--seed", type=int, default=11)
args = ap.parse_args()
os.makedirs(args.out, exist_ok=True)


def norm(s):
    return " ".join(unicodedata.normalize("NFKC", str(s)).split())


df = pd.read_csv(args.corpus, sep="\t", names=["en", "sw"], quoting=3, on_bad_lines="skip")
df["en"], df["sw"] = df["en"].map(norm), df["sw"].map(norm)
df = df[(df.en.str.len() > 0) & (df.sw.str.len() > 0)].drop_duplicates()
ratio = df.en.str.len() / df.sw.str.len()
df = df[(ratio > 0.33) & (ratio < 3.0)].reset_index(drop=True)
print(f"{len(df):,} sentence pairs after cleaning")

spm_input = os.path.join(args.out, "spm_corpus.txt")
with open(spm_input, "w", encoding="utf-8") as f:
    for en, sw in zip(df.en, df.sw):
        f.write(en + "\n" + sw + "\n")

spm.SentencePieceTrainer.train(
    input=spm_input,
    model_prefix=os.path.join(args.out, "spm_ensw"),
    vocab_size=args.vocab_size,
    model_type="unigram",
    character_coverage=1.0,
    pad_id=0, unk_id=1, bos_id=-1, eos_id=2,
)

train, rest = train_test_split(df, test_size=4000, random_state=args.seed)
dev, test = train_test_split(rest, test_size=2000, random_state=args.seed)
for name, part in [("train", train), ("dev", dev), ("test", test)]:
    part.to_csv(os.path.join(args.out, f"{name}.tsv"), sep="\t", index=False)
    print(name, len(part))
