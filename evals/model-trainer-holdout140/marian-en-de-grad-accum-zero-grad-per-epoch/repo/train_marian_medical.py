"""Domain-adapt opus-mt-en-de to the EMEA medical corpus.

Data: data/emea.{train,dev,test}.tsv with columns `en` and `de` (already split by document).
Effective batch = batch_size * accum_steps.
"""
import argparse
import random

import numpy as np
import pandas as pd
import sacrebleu
import torch
from torch.utils.data import DataLoader
from transformers import (DataCollatorForSeq2Seq, MarianMTModel, MarianTokenizer,
                          get_linear_schedule_with_warmup)

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="Helsinki-NLP/opus-mt-en-de")
parser.add_argument("--data_dir", default="data")
parser.add_argument("--epochs", type=int, default=4)
parser.add_argument("--batch_size", type=int, default=16)
parser.add_argument("--accum_steps", type=int, default=4)
parser.add_argument("--lr", type=float, default=3e-5)
parser.add_argument("--seed", type=int, default=2024)
args = parser.parse_args()

random.seed(args.seed)
np.random.seed(args.seed)
torch.manual_seed(args.seed)
device = "cuda" if torch.cuda.is_available() else "cpu"

tokenizer = MarianTokenizer.from_pretrained(args.model)
model = MarianMTModel.from_pretrained(args.model).to(device)


def load_split(name):
    df = pd.read_csv(f"{args.data_dir}/emea.{name}.tsv", sep="\t", quoting=3).dropna()
    return df["en"].tolist(), df["de"].tolist()


def to_features(src, tgt):
    enc = tokenizer(src, text_target=tgt, max_length=256, truncation=True)
    return [{k: enc[k][i] for k in ("input_ids", "attention_mask", "labels")} for i in range(len(src))]


train_src, train_tgt = load_split("train")
dev_src, dev_tgt = load_split("dev")
collator = DataCollatorForSeq2Seq(tokenizer, model=model)
train_dl = DataLoader(to_features(train_src, train_tgt), batch_size=args.batch_size,
                      shuffle=True, collate_fn=collator)

optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
updates = args.epochs * len(train_dl) // args.accum_steps
scheduler = get_linear_schedule_with_warmup(optimizer, int(0.05 * updates), updates)


@torch.no_grad()
def bleu_on(src, refs, bs=64):
    model.eval()
    hyps = []
    for i in range(0, len(src), bs):
        enc = tokenizer(src[i:i + bs], return_tensors="pt", padding=True, truncation=True,
                        max_length=256).to(device)
        out = model.generate(**enc, num_beams=5, max_new_tokens=256)
        hyps += tokenizer.batch_decode(out, skip_special_tokens=True)
    return sacrebleu.corpus_bleu(hyps, [refs]).score


print(f"dev BLEU before fine-tuning: {bleu_on(dev_src, dev_tgt):.2f}")
best_bleu = 0.0
for epoch in range(args.epochs):
    model.train()
    optimizer.zero_grad()
    for step, batch in enumerate(train_dl):
        batch = {k: v.to(device) for k, v in batch.items()}
        loss = model(**batch).loss / args.accum_steps
        loss.backward()
        if (step + 1) % args.accum_steps == 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
        if step % 500 == 0:
            print(f"epoch {epoch} step {step} loss {loss.item() * args.accum_steps:.4f}")

    dev_bleu = bleu_on(dev_src, dev_tgt)
    print(f"epoch {epoch}: dev BLEU {dev_bleu:.2f}")
    if dev_bleu > best_bleu:
        best_bleu = dev_bleu
        model.save_pretrained("checkpoints/opus-mt-en-de-emea")
        tokenizer.save_pretrained("checkpoints/opus-mt-en-de-emea")

model = MarianMTModel.from_pretrained("checkpoints/opus-mt-en-de-emea").to(device)
test_src, test_tgt = load_split("test")
print(f"EMEA test BLEU: {bleu_on(test_src, test_tgt):.2f}")
