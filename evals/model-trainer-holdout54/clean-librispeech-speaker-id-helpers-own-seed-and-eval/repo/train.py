import numpy as np
import pandas as pd
import torch
from omegaconf import OmegaConf
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader

from spkid.data import SpeakerUtterances
from spkid.model import EcapaLite
from spkid.runtime import inference, loader_generator, setup_run

cfg = OmegaConf.load("conf.yaml")
device = setup_run(cfg)
manifest = pd.read_csv(cfg.data.manifest)
speakers = sorted(manifest.loc[manifest["split"] == "train", "speaker"].unique())


def make_loader(split):
    ds = SpeakerUtterances(manifest, split, speakers, cfg.data.crop_s, cfg.data.n_mels)
    return DataLoader(ds, batch_size=cfg.optim.batch_size, shuffle=(split == "train"),
                      generator=loader_generator(cfg), num_workers=6, drop_last=(split == "train"))


def predict(model, loader):
    ys, ps = [], []
    with inference(model):
        for x, y in loader:
            ps.append(model(x.to(device)).argmax(1).cpu())
            ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


train_dl, val_dl, test_dl = make_loader("train"), make_loader("val"), make_loader("test")
model = EcapaLite(cfg.data.n_mels, len(speakers), cfg.model.channels, cfg.model.emb_dim).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg.optim.lr, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg.optim.lr, epochs=cfg.optim.epochs,
                                            steps_per_epoch=len(train_dl))
loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
ckpt = f"{cfg.run.out_dir}/best.pt"

best_acc, bad = 0.0, 0
for epoch in range(cfg.optim.epochs):
    model.train()
    for x, y in train_dl:
        x, y = x.to(device), y.to(device)
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        sched.step()
    yv, pv = predict(model, val_dl)
    acc = accuracy_score(yv, pv)
    print(f"epoch {epoch:02d} loss {loss.item():.3f} val acc {acc:.4f} macro-F1 {f1_score(yv, pv, average='macro'):.4f}")
    if acc > best_acc:
        best_acc, bad = acc, 0
        torch.save(model.state_dict(), ckpt)
    else:
        bad += 1
        if bad >= cfg.optim.patience:
            break

model.load_state_dict(torch.load(ckpt, map_location=device))
yt, pt = predict(model, test_dl)
train_counts = manifest.loc[manifest["split"] == "train", "speaker"].map({s: i for i, s in enumerate(speakers)})
majority = np.bincount(train_counts).argmax()
print(f"majority-speaker baseline: acc {np.mean(yt == majority):.4f}")
print(f"test acc {accuracy_score(yt, pt):.4f}  macro-F1 {f1_score(yt, pt, average='macro'):.4f}")
