from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F


class AETrainer:
    def __init__(self, model, lr, device, checkpoint, patience):
        self.model = model.to(device)
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        self.scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(self.optimizer, factor=0.5, patience=3)
        self.device = device
        self.checkpoint = Path(checkpoint)
        self.checkpoint.parent.mkdir(parents=True, exist_ok=True)
        self.patience = patience

    def train_epoch(self, loader):
        self.model.train()
        self.optimizer.zero_grad()
        total, n = 0.0, 0
        for x, _ in loader:
            x = x.to(self.device)
            loss = F.mse_loss(self.model(x), x)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), max_norm=1.0)
            self.optimizer.step()
            total += loss.item() * len(x)
            n += len(x)
        return total / n

    @torch.no_grad()
    def window_errors(self, loader):
        self.model.eval()
        errs, labels = [], []
        for x, y in loader:
            x = x.to(self.device)
            errs.append(((self.model(x) - x) ** 2).mean(dim=(1, 2)).cpu().numpy())
            labels.append(y.numpy())
        return np.concatenate(errs), np.concatenate(labels)

    def fit(self, train_loader, val_loader, epochs):
        best, bad = np.inf, 0
        for epoch in range(epochs):
            train_loss = self.train_epoch(train_loader)
            val_err, _ = self.window_errors(val_loader)
            val_loss = float(val_err.mean())
            self.scheduler.step(val_loss)
            print(f"[{epoch:02d}] train={train_loss:.5f} val={val_loss:.5f}")
            if val_loss < best:
                best, bad = val_loss, 0
                torch.save(self.model.state_dict(), self.checkpoint)
            else:
                bad += 1
                if bad >= self.patience:
                    break
        self.model.load_state_dict(torch.load(self.checkpoint))
        return best
