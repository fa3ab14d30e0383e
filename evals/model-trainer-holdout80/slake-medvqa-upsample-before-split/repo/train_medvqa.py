"""Closed-set medical VQA (SLAKE, English subset) on frozen BiomedCLIP image and question embeddings."""
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

SEED = 3
MIN_PER_ANSWER = 30
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
device = "cuda" if torch.cuda.is_available() else "cpu"

qa = pd.read_parquet("data/slake_en_biomedclip.parquet")
qa = qa[qa["answer_type"] == "CLOSED"].reset_index(drop=True)
answers = sorted(qa["answer"].unique())
ans2id = {a: i for i, a in enumerate(answers)}
print(len(qa), "closed questions,", len(answers), "answers")
print(qa["answer"].value_counts().head(10))

# rare answers (organ names, modalities) barely show up; bring each answer to at least MIN_PER_ANSWER rows
parts = []
for answer, group in qa.groupby("answer"):
    if len(group) < MIN_PER_ANSWER:
        group = group.sample(n=MIN_PER_ANSWER, replace=True, random_state=SEED)
    parts.append(group)
qa_bal = pd.concat(parts).reset_index(drop=True)

train_df, test_df = train_test_split(qa_bal, test_size=0.2, stratify=qa_bal["answer"], random_state=SEED)
train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["answer"], random_state=SEED)


def tensors(df):
    img = torch.tensor(np.stack(df["image_emb"].to_numpy()), dtype=torch.float32)
    q = torch.tensor(np.stack(df["question_emb"].to_numpy()), dtype=torch.float32)
    y = torch.tensor(df["answer"].map(ans2id).to_numpy())
    return img, q, y


class FusionVQA(nn.Module):
    def __init__(self, dim=512, hidden=1024, n_answers=len(answers), dropout=0.3):
        super().__init__()
        self.img = nn.Sequential(nn.Linear(dim, hidden), nn.GELU())
        self.q = nn.Sequential(nn.Linear(dim, hidden), nn.GELU())
        self.cls = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, hidden), nn.GELU(),
                                 nn.Dropout(dropout), nn.Linear(hidden, n_answers))

    def forward(self, img, q):
        return self.cls(self.img(img) * self.q(q))


def predict(model, img, q):
    model.eval()
    with torch.no_grad():
        return model(img.to(device), q.to(device)).argmax(-1).cpu().numpy()


tr_img, tr_q, tr_y = tensors(train_df)
va_img, va_q, va_y = tensors(val_df)
te_img, te_q, te_y = tensors(test_df)
loader = DataLoader(TensorDataset(tr_img, tr_q, tr_y), batch_size=128, shuffle=True)

model = FusionVQA().to(device)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
loss_fn = nn.CrossEntropyLoss()
best_acc, bad, patience = 0.0, 0, 6
for epoch in range(80):
    model.train()
    for img, q, y in loader:
        opt.zero_grad()
        loss = loss_fn(model(img.to(device), q.to(device)), y.to(device))
        loss.backward()
        opt.step()
    val_acc = accuracy_score(va_y.numpy(), predict(model, va_img, va_q))
    if val_acc > best_acc:
        best_acc, bad = val_acc, 0
        torch.save(model.state_dict(), "checkpoints/slake_fusion.pt")
    else:
        bad += 1
        if bad >= patience:
            break
    print(f"epoch {epoch} loss {loss.item():.4f} val_acc {val_acc:.4f}")

model.load_state_dict(torch.load("checkpoints/slake_fusion.pt"))
pred = predict(model, te_img, te_q)
y_true = te_y.numpy()
majority = np.full_like(y_true, ans2id[train_df["answer"].mode()[0]])
print(f"majority answer: acc {accuracy_score(y_true, majority):.4f}")
print(f"fusion model:    acc {accuracy_score(y_true, pred):.4f} "
      f"macro_f1 {f1_score(y_true, pred, average='macro'):.4f}")
