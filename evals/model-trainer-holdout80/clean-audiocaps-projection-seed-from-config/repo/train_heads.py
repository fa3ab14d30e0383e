"""Train audio/text projection heads on frozen BEATs + RoBERTa features for AudioCaps retrieval."""
import json
import os

import numpy as np
import torch
from sklearn.linear_model import Ridge
from torch.utils.data import DataLoader, Dataset

from clapheads.model import AudioTextHeads, text_to_audio_recall
from clapheads.runtime import load_config, seed_everything, worker_init

cfg = load_config()
seed_everything(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"
feats = np.load(cfg["data"]["features"])


def split(name):
    audio = torch.from_numpy(feats[f"{name}_audio"]).float()      # (clips, 768)
    text = torch.from_numpy(feats[f"{name}_text"]).float()        # (captions, 768)
    owner = torch.from_numpy(feats[f"{name}_owner"]).long()       # caption -> clip index
    return audio, text, owner


class ClipWithRandomCaption(Dataset):
    def __init__(self, audio, text, owner):
        self.audio, self.text = audio, text
        self.captions_of = [torch.nonzero(owner == i).flatten() for i in range(len(audio))]

    def __len__(self):
        return len(self.audio)

    def __getitem__(self, i):
        caps = self.captions_of[i]
        j = caps[torch.randperm(len(caps))[0]]
        return self.audio[i], self.text[j]


tr_a, tr_t, tr_o = split("train")
va_a, va_t, va_o = split("val")
te_a, te_t, te_o = split("test")

# baseline: ridge map from caption features into audio feature space
ridge = Ridge(alpha=30.0).fit(tr_t.numpy(), tr_a[tr_o].numpy())
ridge_test = text_to_audio_recall(te_a, torch.from_numpy(ridge.predict(te_t.numpy())).float(), te_o)

loader = DataLoader(ClipWithRandomCaption(tr_a, tr_t, tr_o), batch_size=cfg["train"]["batch_size"], shuffle=True,
                    drop_last=True, num_workers=2, worker_init_fn=worker_init)
model = AudioTextHeads(tr_a.shape[1], tr_t.shape[1], **cfg["model"]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])


@torch.no_grad()
def score(audio, text, owner):
    model.eval()
    return text_to_audio_recall(model.audio(audio.to(device)), model.text(text.to(device)), owner.to(device))


ckpt = os.path.join(cfg["run_dir"], "heads_best.pt")
best, bad = -1.0, 0
for epoch in range(cfg["train"]["max_epochs"]):
    model.train()
    for audio, text in loader:
        loss = model(audio.to(device), text.to(device))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    val = score(va_a, va_t, va_o)
    if val["mAP@10"] > best:
        best, bad = val["mAP@10"], 0
        torch.save(model.state_dict(), ckpt)
    else:
        bad += 1
        if bad >= cfg["train"]["patience"]:
            break
    if epoch % 10 == 0:
        print(f"epoch {epoch} loss {loss.item():.4f} val {val}")

model.load_state_dict(torch.load(ckpt, map_location=device))
report = {"seed": cfg["seed"], "best_val_mAP@10": best, "test": score(te_a, te_t, te_o), "test_ridge_baseline": ridge_test}
print(json.dumps(report, indent=2))
with open(os.path.join(cfg["run_dir"], "report.json"), "w") as f:
    json.dump(report, f, indent=2)
