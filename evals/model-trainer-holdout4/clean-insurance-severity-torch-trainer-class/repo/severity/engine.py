"""Generic fit/evaluate engine used by the severity networks."""
import logging
from pathlib import Path

import torch

log = logging.getLogger(__name__)


class Engine:
    def __init__(self, model, optimizer, loss_fn, device, checkpoint, patience):
        self.model, self.opt, self.loss_fn = model.to(device), optimizer, loss_fn
        self.device, self.checkpoint, self.patience = device, Path(checkpoint), patience

    def _step(self, xb, yb):
        self.opt.zero_grad(set_to_none=True)
        loss = self.loss_fn(self.model(xb), yb)
        loss.backward()
        self.opt.step()
        return loss.detach()

    def run_epoch(self, loader):
        self.model.train(True)
        losses = [self._step(xb.to(self.device), yb.to(self.device)) for xb, yb in loader]
        return torch.stack(losses).mean().item()

    def predict(self, loader):
        self.model.train(False)
        outs = []
        with torch.inference_mode():
            for xb, _ in loader:
                outs.append(self.model(xb.to(self.device)).cpu())
        return torch.cat(outs)

    def fit(self, train_loader, valid_loader, max_epochs, valid_metric):
        """Early stopping on `valid_metric(predictions)` computed on the validation loader (lower is better)."""
        self.checkpoint.parent.mkdir(parents=True, exist_ok=True)
        best, waited = float("inf"), 0
        for epoch in range(max_epochs):
            train_loss = self.run_epoch(train_loader)
            score = valid_metric(self.predict(valid_loader))
            log.info("epoch %03d train_loss %.4f valid %.4f", epoch, train_loss, score)
            if score < best:
                best, waited = score, 0
                torch.save(self.model.state_dict(), self.checkpoint)
            elif (waited := waited + 1) >= self.patience:
                break
        self.model.load_state_dict(torch.load(self.checkpoint, map_location=self.device))
        return best
