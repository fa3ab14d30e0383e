"""30-minute precipitation nowcasting from radar composites.

Input: the last 6 radar frames (5-min cadence, 256x256 crop around the city).
Target: binary rain mask (rain rate >= 1 mm/h) 30 minutes after the last input frame.
"""
import random
from pathlib import Path

import h5py
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset, random_split

RADAR_FILE = Path("data/radar_2019_2022_256.h5")
N_IN, LEAD = 6, 6
RAIN_MM_H = 1.0
SEED = 3
torch.manual_seed(SEED)
np.random.seed(SEED)
random.seed(SEED)


class RadarWindows(Dataset):
    def __init__(self, h5_path):
        self.h5 = h5py.File(h5_path, "r")
        self.frames = self.h5["rain_rate"]
        times = pd.to_datetime(self.h5["timestamps"][:].astype(str))
        gaps = np.diff(times.values).astype("timedelta64[m]").astype(int)
        contiguous = np.concatenate([[True], gaps == 5])
        self.starts = [t for t in range(len(times) - N_IN - LEAD + 1)
                       if contiguous[t + 1:t + N_IN + LEAD].all()]

    def __len__(self):
        return len(self.starts)

    def __getitem__(self, i):
        t = self.starts[i]
        x = np.log1p(self.frames[t:t + N_IN].astype(np.float32))
        y = (self.frames[t + N_IN + LEAD - 1] >= RAIN_MM_H).astype(np.float32)[None]
        return torch.from_numpy(x), torch.from_numpy(y)


def block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
                         nn.Conv2d(cout, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class SmallUNet(nn.Module):
    def __init__(self, cin=N_IN, base=32):
        super().__init__()
        self.e1, self.e2, self.e3 = block(cin, base), block(base, base * 2), block(base * 2, base * 4)
        self.mid = block(base * 4, base * 8)
        self.d3, self.d2, self.d1 = block(base * 12, base * 4), block(base * 6, base * 2), block(base * 3, base)
        self.head = nn.Conv2d(base, 1, 1)

    def forward(self, x):
        e1 = self.e1(x)
        e2 = self.e2(F.max_pool2d(e1, 2))
        e3 = self.e3(F.max_pool2d(e2, 2))
        m = self.mid(F.max_pool2d(e3, 2))
        d3 = self.d3(torch.cat([F.interpolate(m, scale_factor=2), e3], 1))
        d2 = self.d2(torch.cat([F.interpolate(d3, scale_factor=2), e2], 1))
        d1 = self.d1(torch.cat([F.interpolate(d2, scale_factor=2), e1], 1))
        return self.head(d1)


def skill_scores(pred, obs):
    hits = (pred & obs).sum()
    misses = (~pred & obs).sum()
    false_alarms = (pred & ~obs).sum()
    csi = hits / max(hits + misses + false_alarms, 1)
    pod = hits / max(hits + misses, 1)
    far = false_alarms / max(hits + false_alarms, 1)
    return {"csi": float(csi), "pod": float(pod), "far": float(far)}


@torch.no_grad()
def evaluate(model, loader, device, threshold=0.5):
    model.eval()
    preds, persist, obs = [], [], []
    for x, y in loader:
        p = torch.sigmoid(model(x.to(device))).cpu() > threshold
        preds.append(p.numpy())
        persist.append((torch.expm1(x[:, -1:]) >= RAIN_MM_H).numpy())
        obs.append(y.numpy().astype(bool))
    preds, persist, obs = map(np.concatenate, (preds, persist, obs))
    return skill_scores(preds, obs), skill_scores(persist, obs)


def main():
    device = torch.device("cuda")
    data = RadarWindows(RADAR_FILE)
    train_set, val_set, test_set = random_split(data, [0.7, 0.15, 0.15],
                                                generator=torch.Generator().manual_seed(SEED))
    train_loader = DataLoader(train_set, batch_size=16, shuffle=True, num_workers=4)
    val_loader = DataLoader(val_set, batch_size=32, num_workers=4)
    test_loader = DataLoader(test_set, batch_size=32, num_workers=4)

    model = SmallUNet().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)
    criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0], device=device))

    best_csi, patience = 0.0, 0
    for epoch in range(60):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        scheduler.step()
        val_scores, _ = evaluate(model, val_loader, device)
        print(f"epoch {epoch}: val {val_scores}")
        if val_scores["csi"] > best_csi:
            best_csi, patience = val_scores["csi"], 0
            torch.save(model.state_dict(), "nowcast_unet.pt")
        else:
            patience += 1
            if patience >= 8:
                break

    model.load_state_dict(torch.load("nowcast_unet.pt"))
    test_scores, persistence_scores = evaluate(model, test_loader, device)
    print("test (U-Net):      ", test_scores)
    print("test (persistence):", persistence_scores)


if __name__ == "__main__":
    main()
