import numpy as np
import pandas as pd
import timm
import torch
import torch.nn.functional as F
import yaml
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader
from torchvision import transforms as T

from common import IFCBDataset, make_splits, pixel_stats, seed_everything


class PlanktonTrainer:
    def __init__(self, cfg):
        self.cfg = cfg
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    def build(self, train_df, classes):
        c = self.cfg
        paths = [f"{c['image_dir']}/{f}" for f in train_df["roi_file"]]
        mean, std = pixel_stats(paths, c["norm_sample"], c["seed"])
        pad = T.Compose([T.Resize(c["img_size"] - 1, max_size=c["img_size"]),
                         T.CenterCrop(c["img_size"])])
        self.train_tf = T.Compose([pad, T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
                                   T.RandomRotation(90, fill=0), T.ToTensor(), T.Normalize([mean], [std])])
        self.eval_tf = T.Compose([pad, T.ToTensor(), T.Normalize([mean], [std])])
        self.model = timm.create_model(c["arch"], pretrained=True, in_chans=1,
                                       num_classes=len(classes), drop_rate=c["drop_rate"]).to(self.device)
        counts = train_df["label"].value_counts().reindex(classes).to_numpy()
        w = (1.0 / np.sqrt(counts)) * len(classes) / np.sum(1.0 / np.sqrt(counts))
        self.class_w = torch.tensor(w, dtype=torch.float32, device=self.device)
        self.opt = torch.optim.AdamW(self.model.parameters(), lr=c["lr"], weight_decay=c["weight_decay"])

    def fit_epoch(self, loader):
        self.model.train()
        for x, y in loader:
            x, y = x.to(self.device), y.to(self.device)
            self.opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(self.model(x), y, weight=self.class_w)
            loss.backward()
            self.opt.step()
        return loss.item()

    @torch.inference_mode()
    def predict(self, loader):
        self.model.eval()
        ys, ps = [], []
        for x, y in loader:
            ps.append(self.model(x.to(self.device)).argmax(1).cpu().numpy())
            ys.append(y.numpy())
        return np.concatenate(ys), np.concatenate(ps)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    df = pd.read_csv(cfg["index_csv"])
    train_df, val_df, test_df = make_splits(df, cfg)
    classes = sorted(train_df["label"].unique())
    val_df, test_df = val_df[val_df["label"].isin(classes)], test_df[test_df["label"].isin(classes)]

    tr = PlanktonTrainer(cfg)
    tr.build(train_df, classes)
    mk = lambda d, tf, sh: DataLoader(IFCBDataset(d, cfg["image_dir"], classes, tf),
                                      batch_size=cfg["batch_size"], shuffle=sh, num_workers=6)
    train_dl, val_dl, test_dl = mk(train_df, tr.train_tf, True), mk(val_df, tr.eval_tf, False), mk(test_df, tr.eval_tf, False)

    best, best_state = -1.0, None
    for epoch in range(cfg["epochs"]):
        last_loss = tr.fit_epoch(train_dl)
        yv, pv = tr.predict(val_dl)
        f1 = f1_score(yv, pv, average="macro")
        print(f"[{epoch:02d}] loss {last_loss:.3f}  val macro-F1 {f1:.4f}")
        if f1 > best:
            best, best_state = f1, {k: v.detach().cpu().clone() for k, v in tr.model.state_dict().items()}

    tr.model.load_state_dict(best_state)
    yt, pt = tr.predict(test_dl)
    print(f"held-out cruises {cfg['test_cruises']}: macro-F1 {f1_score(yt, pt, average='macro'):.4f}  "
          f"balanced acc {balanced_accuracy_score(yt, pt):.4f}")
    torch.save({"state_dict": best_state, "classes": classes}, f"ifcb_{cfg['arch']}.pt")


if __name__ == "__main__":
    main()
