#!/usr/bin/env python
"""Fine-tune t5-base on XSum with a hand-written loop (bf16 autocast, cosine schedule)."""
import argparse
import math

import evaluate
import numpy as np
import torch
from datasets import load_dataset
from torch.utils.data import DataLoader
from tqdm.auto import tqdm
from transformers import (AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq,
                          get_cosine_schedule_with_warmup, set_seed)

p = argparse.ArgumentParser()
p.add_argument("--model", default="t5-base")
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--lr", type=float, default=3e-4)
p.add_argument("--bsz", type=int, default=16)
p.add_argument("--max_src", type=int, default=512)
p.add_argument("--max_tgt", type=int, default=64)
p.add_argument("--val_samples", type=int, default=1000)
p.add_argument("--seed", type=int, default=42)
p.add_argument("--out", default="checkpoints/t5-xsum")
args = p.parse_args()

set_seed(args.seed)
device = torch.device("cuda")

tokenizer = AutoTokenizer.from_pretrained(args.model)
model = AutoModelForSeq2SeqLM.from_pretrained(args.model).to(device)
xsum = load_dataset("xsum")


def encode(batch):
    enc = tokenizer(["summarize: " + d for d in batch["document"]],
                    max_length=args.max_src, truncation=True)
    enc["labels"] = tokenizer(text_target=batch["summary"], max_length=args.max_tgt,
                              truncation=True)["input_ids"]
    return enc


cols = xsum["train"].column_names
train_ds = xsum["train"].map(encode, batched=True, remove_columns=cols)
val_ds = xsum["validation"].select(range(args.val_samples)).map(encode, batched=True, remove_columns=cols)

collate = DataCollatorForSeq2Seq(tokenizer, model=model, label_pad_token_id=-100, pad_to_multiple_of=8)
train_dl = DataLoader(train_ds, batch_size=args.bsz, shuffle=True, collate_fn=collate, num_workers=4)
val_dl = DataLoader(val_ds, batch_size=args.bsz * 2, collate_fn=collate)

optim = torch.optim.AdamW(model.parameters(), lr=args.lr)
total = args.epochs * len(train_dl)
sched = get_cosine_schedule_with_warmup(optim, num_warmup_steps=int(0.03 * total), num_training_steps=total)
rouge = evaluate.load("rouge")


def validate():
    losses, preds, refs = [], [], []
    with torch.no_grad():
        for batch in val_dl:
            batch = {k: v.to(device) for k, v in batch.items()}
            with torch.autocast("cuda", dtype=torch.bfloat16):
                losses.append(model(**batch).loss.item())
                gen = model.generate(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"],
                                     num_beams=4, max_new_tokens=args.max_tgt)
            labels = batch["labels"].masked_fill(batch["labels"] == -100, tokenizer.pad_token_id)
            preds += tokenizer.batch_decode(gen, skip_special_tokens=True)
            refs += tokenizer.batch_decode(labels, skip_special_tokens=True)
    scores = rouge.compute(predictions=preds, references=refs, use_stemmer=True)
    return float(np.mean(losses)), scores


best = -math.inf
for epoch in range(args.epochs):
    model.train()
    pbar = tqdm(train_dl, desc=f"epoch {epoch}")
    for batch in pbar:
        batch = {k: v.to(device) for k, v in batch.items()}
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = model(**batch).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optim.step()
        sched.step()
        optim.zero_grad(set_to_none=True)
        pbar.set_postfix(loss=f"{loss.item():.3f}")

    val_loss, scores = validate()
    print(f"epoch {epoch}: val_loss={val_loss:.4f} "
          + " ".join(f"{k}={v:.4f}" for k, v in scores.items()))
    if scores["rouge2"] > best:
        best = scores["rouge2"]
        model.save_pretrained(args.out)
        tokenizer.save_pretrained(args.out)

print(f"best validation ROUGE-2: {best:.4f}")
