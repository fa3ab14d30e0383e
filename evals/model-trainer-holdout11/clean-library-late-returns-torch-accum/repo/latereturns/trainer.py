import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import roc_auc_score

log = logging.getLogger(__name__)


class AccumTrainer:
    """Large effective batch on a small GPU: step the optimiser every `accum_steps` micro-batches."""

    def __init__(self, model, lr, accum_steps, device, ckpt_dir, pos_weight):
        self.model = model.to(device)
        self.opt = torch.optim.Adam(model.parameters(), lr=lr)
        self.loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight, device=device))
        self.accum, self.device = accum_steps, device
        self.ckpt = Path(ckpt_dir) / "latenet_best.pt"
        self.ckpt.parent.mkdir(parents=True, exist_ok=True)

    def _epoch(self, loader):
        self.model.train()
        self.opt.zero_grad(set_to_none=True)
        for step, (x, br, y) in enumerate(loader, start=1):
            x, br, y = x.to(self.device), br.to(self.device), y.to(self.device)
            loss = self.loss_fn(self.model(x, br), y) / self.accum
            loss.backward()
            if step % self.accum == 0 or step == len(loader):
                self.opt.step()
                self.opt.zero_grad(set_to_none=True)

    def predict(self, loader):
        self.model.eval()
        out, gold = [], []
        with torch.inference_mode():
            for x, br, y in loader:
                out.append(torch.sigmoid(self.model(x.to(self.device), br.to(self.device))).cpu())
                gold.append(y)
        return torch.cat(gold).numpy(), torch.cat(out).numpy()

    def fit(self, train_loader, val_loader, epochs, patience):
        best_auc, since = -np.inf, 0
        for ep in range(epochs):
            self._epoch(train_loader)
            y_val, p_val = self.predict(val_loader)
            auc = roc_auc_score(y_val, p_val)
            log.info("epoch %d val AUC %.4f", ep, auc)
            if auc > best_auc:
                best_auc, since = auc, 0
                torch.save(self.model.state_dict(), self.ckpt)
            else:
                since += 1
                if since >= patience:
                    break
        self.model.load_state_dict(torch.load(self.ckpt, map_location=self.device))
        return best_auc
