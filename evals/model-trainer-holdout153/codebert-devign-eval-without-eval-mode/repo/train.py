"""Fine-tune CodeBERT on Devign (CodeXGLUE defect detection split: train/valid/test.jsonl)."""
import argparse
import json
import os

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader, Dataset
from transformers import AutoTokenizer, get_linear_schedule_with_warmup, set_seed

from model import CodeBERTDefectClassifier


class FunctionDataset(Dataset):
    def __init__(self, path, tokenizer, max_len):
        with open(path) as fh:
            rows = [json.loads(line) for line in fh]
        enc = tokenizer([" ".join(r["func"].split()) for r in rows], truncation=True,
                        max_length=max_len, padding="max_length", return_tensors="pt")
        self.input_ids = enc["input_ids"]
        self.attention_mask = enc["attention_mask"]
        self.labels = torch.tensor([r["target"] for r in rows], dtype=torch.float)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return self.input_ids[i], self.attention_mask[i], self.labels[i]


@torch.no_grad()
def evaluate(model, loader, device):
    probs, labels = [], []
    for input_ids, attn, y in loader:
        logits = model(input_ids.to(device), attn.to(device))
        probs.append(torch.sigmoid(logits).cpu().numpy())
        labels.append(y.numpy())
    probs, labels = np.concatenate(probs), np.concatenate(labels)
    preds = (probs > 0.5).astype(int)
    return {"acc": accuracy_score(labels, preds), "f1": f1_score(labels, preds)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data_dir", default="dataset")
    ap.add_argument("--output_dir", default="saved_models/codebert-devign")
    ap.add_argument("--max_len", type=int, default=400)
    ap.add_argument("--batch_size", type=int, default=32)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--seed", type=int, default=123456)
    args = ap.parse_args()

    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tok = AutoTokenizer.from_pretrained("microsoft/codebert-base")

    train_ds = FunctionDataset(os.path.join(args.data_dir, "train.jsonl"), tok, args.max_len)
    valid_ds = FunctionDataset(os.path.join(args.data_dir, "valid.jsonl"), tok, args.max_len)
    test_ds = FunctionDataset(os.path.join(args.data_dir, "test.jsonl"), tok, args.max_len)
    train_dl = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, num_workers=2)
    valid_dl = DataLoader(valid_ds, batch_size=64)
    test_dl = DataLoader(test_ds, batch_size=64)

    model = CodeBERTDefectClassifier().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, eps=1e-8, weight_decay=0.0)
    total = len(train_dl) * args.epochs
    sched = get_linear_schedule_with_warmup(opt, int(0.1 * total), total)
    loss_fn = torch.nn.BCEWithLogitsLoss()

    os.makedirs(args.output_dir, exist_ok=True)
    ckpt = os.path.join(args.output_dir, "best.bin")
    best_acc = 0.0
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for step, (input_ids, attn, y) in enumerate(train_dl):
            logits = model(input_ids.to(device), attn.to(device))
            loss = loss_fn(logits, y.to(device))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            running += loss.item()
        val = evaluate(model, valid_dl, device)
        print(f"epoch {epoch}: loss={running / len(train_dl):.4f} val_acc={val['acc']:.4f} "
              f"val_f1={val['f1']:.4f}")
        if val["acc"] > best_acc:
            best_acc = val["acc"]
            torch.save(model.state_dict(), ckpt)

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test = evaluate(model, test_dl, device)
    print(f"test: acc={test['acc']:.4f} f1={test['f1']:.4f}")


if __name__ == "__main__":
    main()
