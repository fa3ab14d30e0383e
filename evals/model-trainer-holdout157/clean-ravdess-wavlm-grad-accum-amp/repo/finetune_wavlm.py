"""Fine-tune WavLM-base-plus for 8-class RAVDESS emotion recognition.

Speaker-independent protocol: actors 1-16 train, 17-20 validation, 21-24 test.
Effective batch = --batch_size * --accum_steps (GPU fits only 4 x 5 s clips in fp16).
"""
import argparse
import glob
import os

import librosa
import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader
from transformers import AutoFeatureExtractor, WavLMForSequenceClassification, get_cosine_schedule_with_warmup, set_seed

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/ravdess")
p.add_argument("--batch_size", type=int, default=4)
p.add_argument("--accum_steps", type=int, default=8)
p.add_argument("--epochs", type=int, default=10)
p.add_argument("--lr", type=float, default=5e-5)
p.add_argument("--seed", type=int, default=31)
args = p.parse_args()
set_seed(args.seed)

fe = AutoFeatureExtractor.from_pretrained("microsoft/wavlm-base-plus")


def items(actors):
    out = []
    for f in sorted(glob.glob(os.path.join(args.data, "Actor_*", "*.wav"))):
        parts = os.path.basename(f)[:-4].split("-")
        if int(parts[6]) in actors:
            out.append((f, int(parts[2]) - 1))
    return out


def collate(batch):
    wavs = [librosa.load(f, sr=16000, duration=5.0)[0] for f, _ in batch]
    enc = fe(wavs, sampling_rate=16000, padding=True, return_attention_mask=True, return_tensors="pt")
    enc["labels"] = torch.tensor([y for _, y in batch])
    return enc


train_dl = DataLoader(items(range(1, 17)), batch_size=args.batch_size, shuffle=True, collate_fn=collate, num_workers=4)
val_dl = DataLoader(items(range(17, 21)), batch_size=8, collate_fn=collate, num_workers=4)
test_dl = DataLoader(items(range(21, 25)), batch_size=8, collate_fn=collate, num_workers=4)

device = torch.device("cuda")
model = WavLMForSequenceClassification.from_pretrained("microsoft/wavlm-base-plus", num_labels=8).to(device)
model.freeze_feature_encoder()
optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
updates = args.epochs * (len(train_dl) // args.accum_steps)
scheduler = get_cosine_schedule_with_warmup(optimizer, int(0.1 * updates), updates)
scaler = torch.cuda.amp.GradScaler()


@torch.no_grad()
def run_eval(loader):
    model.eval()
    y_true, y_pred = [], []
    for batch in loader:
        batch = batch.to(device)
        with torch.autocast("cuda", dtype=torch.float16):
            logits = model(**batch).logits
        y_pred += logits.argmax(-1).tolist()
        y_true += batch["labels"].tolist()
    return balanced_accuracy_score(y_true, y_pred), f1_score(y_true, y_pred, average="macro")


best_uar = 0.0
for epoch in range(args.epochs):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    for step, batch in enumerate(train_dl, start=1):
        batch = batch.to(device)
        with torch.autocast("cuda", dtype=torch.float16):
            loss = model(**batch).loss / args.accum_steps
        scaler.scale(loss).backward()
        if step % args.accum_steps == 0:
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
    uar, mf1 = run_eval(val_dl)
    print(f"epoch {epoch + 1}: val UAR {uar:.4f} macro-F1 {mf1:.4f}")
    if uar > best_uar:
        best_uar = uar
        model.save_pretrained("wavlm_ravdess_best")

model = WavLMForSequenceClassification.from_pretrained("wavlm_ravdess_best").to(device)
test_uar, test_f1 = run_eval(test_dl)
print(f"test (actors 21-24): UAR {test_uar:.4f} macro-F1 {test_f1:.4f}")
