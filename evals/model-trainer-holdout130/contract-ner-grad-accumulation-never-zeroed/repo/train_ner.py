"""Token classification for contract entities (PARTY, EFFECTIVE_DATE, TERM, GOVERNING_LAW,
AMOUNT, JURISDICTION) on chunked agreements.

Contracts are long, so the annotation export already cuts each agreement into
~200-word chunks with word-level BIO tags. train/dev/test files are split by contract.
"""
import json
import math

import torch
from seqeval.metrics import classification_report, f1_score
from torch.utils.data import DataLoader
from transformers import (AutoModelForTokenClassification, AutoTokenizer,
                          DataCollatorForTokenClassification, get_cosine_schedule_with_warmup,
                          set_seed)

MODEL = "roberta-base"
LABELS = ["O", "B-PARTY", "I-PARTY", "B-EFFECTIVE_DATE", "I-EFFECTIVE_DATE", "B-TERM", "I-TERM",
          "B-GOVERNING_LAW", "I-GOVERNING_LAW", "B-AMOUNT", "I-AMOUNT", "B-JURISDICTION", "I-JURISDICTION"]
L2I = {l: i for i, l in enumerate(LABELS)}
BATCH, ACCUM, EPOCHS, LR = 8, 4, 5, 3e-5

set_seed(7)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
tokenizer = AutoTokenizer.from_pretrained(MODEL, add_prefix_space=True)


def load_chunks(path):
    with open(path) as fh:
        return [json.loads(line) for line in fh]


def encode(chunk):
    enc = tokenizer(chunk["words"], is_split_into_words=True, truncation=True, max_length=384)
    labels, prev = [], None
    for wid in enc.word_ids():
        if wid is None:
            labels.append(-100)
        elif wid != prev:
            labels.append(L2I[chunk["tags"][wid]])
        else:
            labels.append(-100)  # only first sub-token of each word carries the label
        prev = wid
    enc["labels"] = labels
    return dict(enc)


collate = DataCollatorForTokenClassification(tokenizer)
train = [encode(c) for c in load_chunks("data/chunks_train.jsonl")]
dev = [encode(c) for c in load_chunks("data/chunks_dev.jsonl")]
test = [encode(c) for c in load_chunks("data/chunks_test.jsonl")]
train_dl = DataLoader(train, batch_size=BATCH, shuffle=True, collate_fn=collate)
dev_dl = DataLoader(dev, batch_size=32, collate_fn=collate)
test_dl = DataLoader(test, batch_size=32, collate_fn=collate)

model = AutoModelForTokenClassification.from_pretrained(
    MODEL, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id=L2I).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
updates = math.ceil(len(train_dl) / ACCUM) * EPOCHS
scheduler = get_cosine_schedule_with_warmup(optimizer, int(0.1 * updates), updates)


def run_eval(loader):
    model.eval()
    y_true, y_pred = [], []
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            logits = model(**batch).logits
            pred = logits.argmax(-1).cpu().tolist()
            gold = batch["labels"].cpu().tolist()
            for p_seq, g_seq in zip(pred, gold):
                y_true.append([LABELS[g] for g in g_seq if g != -100])
                y_pred.append([LABELS[p] for p, g in zip(p_seq, g_seq) if g != -100])
    return y_true, y_pred


best = 0.0
optimizer.zero_grad()
for epoch in range(EPOCHS):
    model.train()
    for step, batch in enumerate(train_dl):
        batch = {k: v.to(device) for k, v in batch.items()}
        loss = model(**batch).loss / ACCUM
        loss.backward()
        if (step + 1) % ACCUM == 0 or step + 1 == len(train_dl):
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
        if step % 200 == 0:
            print(f"epoch {epoch} step {step} loss {loss.item() * ACCUM:.4f}")

    y_true, y_pred = run_eval(dev_dl)
    dev_f1 = f1_score(y_true, y_pred)
    print(f"epoch {epoch}: dev entity F1 = {dev_f1:.4f}")
    if dev_f1 > best:
        best = dev_f1
        model.save_pretrained("out/contract-ner-best")
        tokenizer.save_pretrained("out/contract-ner-best")

model = AutoModelForTokenClassification.from_pretrained("out/contract-ner-best").to(device)
y_true, y_pred = run_eval(test_dl)
print("test entity F1:", round(f1_score(y_true, y_pred), 4))
print(classification_report(y_true, y_pred, digits=3))
