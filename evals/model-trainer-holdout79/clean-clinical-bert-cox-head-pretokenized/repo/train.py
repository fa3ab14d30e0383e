"""Fine-tune ClinicalBERT with a Cox head on discharge summaries (time to death after discharge)."""
import os
import random

import numpy as np
import torch
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import GroupShuffleSplit
from sksurv.linear_model import CoxnetSurvivalAnalysis
from sksurv.metrics import concordance_index_censored, concordance_index_ipcw
from sksurv.util import Surv
from torch.utils.data import DataLoader

from notes_surv.data import NoteSurvDataset, load_notes, tokenize_all
from notes_surv.model import BertCox, cox_nll, score

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

notes = load_notes(cfg["data"]["notes"])
ids, mask = tokenize_all(notes["text"], cfg["model_name"], cfg["data"]["max_length"])
time, event, groups = notes["days_to_death"].to_numpy(), notes["died"].to_numpy(), notes["subject_id"].to_numpy()

outer = GroupShuffleSplit(1, test_size=cfg["data"]["test_size"], random_state=cfg["seed"])
dev_idx, test_idx = next(outer.split(notes, groups=groups))
inner = GroupShuffleSplit(1, test_size=cfg["data"]["val_size"], random_state=cfg["seed"])
tr_rel, va_rel = next(inner.split(dev_idx, groups=groups[dev_idx]))
train_idx, val_idx = dev_idx[tr_rel], dev_idx[va_rel]

mk = lambda ix, shuffle: DataLoader(NoteSurvDataset(ids, mask, time, event, ix),
                                    batch_size=cfg["train"]["batch_size"], shuffle=shuffle)
train_dl, val_dl, test_dl = mk(train_idx, True), mk(val_idx, False), mk(test_idx, False)

model = BertCox(cfg["model_name"], token=os.environ.get("HF_TOKEN")).to(device)
opt = torch.optim.AdamW([{"params": model.encoder.parameters(), "lr": cfg["train"]["lr"]},
                         {"params": model.head.parameters(), "lr": cfg["train"]["head_lr"]}], weight_decay=0.01)

best, wait = float("inf"), 0
for epoch in range(cfg["train"]["epochs"]):
    model.train()
    for ids_b, mask_b, t_b, e_b in train_dl:
        opt.zero_grad()
        loss = cox_nll(model(ids_b.to(device), mask_b.to(device)), t_b.to(device), e_b.to(device))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg["train"]["grad_clip"])
        opt.step()
    val_loss = cox_nll(*score(model, val_dl, device)).item()
    print(f"epoch {epoch} val partial NLL {val_loss:.4f}")
    if val_loss < best:
        best, wait = val_loss, 0
        torch.save(model.state_dict(), cfg["train"]["ckpt"])
    else:
        wait += 1
        if wait >= cfg["train"]["patience"]:
            break

model.load_state_dict(torch.load(cfg["train"]["ckpt"], map_location=device))
risk_bert, _, _ = score(model, test_dl, device)

tfidf = TfidfVectorizer(max_features=20000, ngram_range=(1, 2), min_df=5, sublinear_tf=True)
X_tr = tfidf.fit_transform(notes["text"].iloc[train_idx]).toarray()
y_tr = Surv.from_arrays(event[train_idx].astype(bool), time[train_idx])
coxnet = CoxnetSurvivalAnalysis(l1_ratio=0.9, alpha_min_ratio=0.05, n_alphas=30).fit(X_tr, y_tr)
risk_tfidf = coxnet.predict(tfidf.transform(notes["text"].iloc[test_idx]).toarray())

y_te = Surv.from_arrays(event[test_idx].astype(bool), time[test_idx])
tau = np.quantile(time[test_idx], 0.9)
for name, r in [("ClinicalBERT-Cox", risk_bert.numpy()), ("TF-IDF Coxnet", risk_tfidf)]:
    harrell = concordance_index_censored(y_te["event"], y_te["time"], r)[0]
    uno = concordance_index_ipcw(y_tr, y_te, r, tau=tau)[0]
    print(f"{name:17s} Harrell C {harrell:.4f}  Uno C (tau={tau:.0f}d) {uno:.4f}")
