"""Multi-label CXR finding extraction from report text with PubMedBERT (custom loop)."""
import numpy as np
import pandas as pd
import torch
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_cosine_schedule_with_warmup

from engine import predict, train_epoch
from utils import best_thresholds, seed_everything

SEED = 21
MODEL = "microsoft/BiomedNLP-BiomedBERT-base-uncased-abstract-fulltext"
FINDINGS = ["atelectasis", "cardiomegaly", "consolidation", "edema", "pleural_effusion", "pneumothorax"]
EPOCHS, LR, BS = 4, 2e-5, 8

seed_everything(SEED)
device = "cuda" if torch.cuda.is_available() else "cpu"

df = pd.read_csv("data/cxr_reports_multilabel.csv")
outer = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
dev_i, test_i = next(outer.split(df, groups=df["subject_id"]))
dev, test = df.iloc[dev_i], df.iloc[test_i]
inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
tr_i, val_i = next(inner.split(dev, groups=dev["subject_id"]))
train, val = dev.iloc[tr_i], dev.iloc[val_i]

tok = AutoTokenizer.from_pretrained(MODEL)


def make_loader(frame, shuffle):
    enc = tok(frame["report"].tolist(), truncation=True, max_length=256, padding="max_length", return_tensors="pt")
    labels = torch.tensor(frame[FINDINGS].values, dtype=torch.float)
    rows = [{"input_ids": enc["input_ids"][i], "attention_mask": enc["attention_mask"][i], "labels": labels[i]}
            for i in range(len(frame))]
    return DataLoader(rows, batch_size=BS, shuffle=shuffle)


train_dl, val_dl, test_dl = make_loader(train, True), make_loader(val, False), make_loader(test, False)

model = AutoModelForSequenceClassification.from_pretrained(
    MODEL, num_labels=len(FINDINGS), problem_type="multi_label_classification").to(device)
pos = train[FINDINGS].values.mean(0)
loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos) / pos, dtype=torch.float, device=device))
optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
steps = EPOCHS * int(np.ceil(len(train_dl) / 4))
scheduler = get_cosine_schedule_with_warmup(optimizer, int(0.1 * steps), steps)

best_auc = 0.0
for epoch in range(EPOCHS):
    loss = train_epoch(model, train_dl, optimizer, scheduler, loss_fn, device, accum_steps=4)
    y_val, p_val = predict(model, val_dl, device)
    auc = roc_auc_score(y_val, p_val, average="macro")
    print(f"epoch {epoch} loss {loss:.4f} val macro-AUROC {auc:.4f}")
    if auc > best_auc:
        best_auc = auc
        torch.save(model.state_dict(), "pubmedbert_cxr_best.pt")

model.load_state_dict(torch.load("pubmedbert_cxr_best.pt", map_location=device))
y_val, p_val = predict(model, val_dl, device)
thresholds = best_thresholds(y_val, p_val)

y_test, p_test = predict(model, test_dl, device)
pred_test = (p_test >= thresholds).astype(int)
print("test macro-AUROC", round(roc_auc_score(y_test, p_test, average="macro"), 4))
print("test macro-F1   ", round(f1_score(y_test, pred_test, average="macro"), 4))
for j, name in enumerate(FINDINGS):
    print(f"  {name:17s} thr={thresholds[j]:.2f}  F1={f1_score(y_test[:, j], pred_test[:, j]):.3f}")
