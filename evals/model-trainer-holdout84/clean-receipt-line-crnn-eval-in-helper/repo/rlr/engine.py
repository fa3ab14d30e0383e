import torch
import torch.nn as nn

from .textmetrics import char_error_rate, line_accuracy, word_error_rate

ctc_loss = nn.CTCLoss(blank=0, zero_infinity=True)


def _lengths(log_probs):
    return torch.full((log_probs.size(1),), log_probs.size(0), dtype=torch.long)


def fit_epoch(model, loader, optimizer, device):
    model.train()
    total = 0.0
    for images, targets, target_lens, _ in loader:
        optimizer.zero_grad(set_to_none=True)
        log_probs = model(images.to(device))
        loss = ctc_loss(log_probs, targets, _lengths(log_probs), target_lens)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        total += loss.item()
    return total / len(loader)


@torch.inference_mode()
def run_eval(model, loader, decode, device):
    model.eval()
    hyps, refs, total = [], [], 0.0
    for images, targets, target_lens, texts in loader:
        log_probs = model(images.to(device))
        total += ctc_loss(log_probs, targets, _lengths(log_probs), target_lens).item()
        hyps += [decode(s) for s in log_probs.argmax(-1).T.cpu().tolist()]
        refs += texts
    return {
        "loss": total / len(loader),
        "cer": char_error_rate(hyps, refs),
        "wer": word_error_rate(hyps, refs),
        "line_acc": line_accuracy(hyps, refs),
    }
