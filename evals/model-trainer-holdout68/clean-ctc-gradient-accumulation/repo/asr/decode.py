import jiwer
import torch


def greedy(log_probs, lengths, idx2char):
    out = []
    for seq, n in zip(log_probs.argmax(-1).cpu(), lengths.cpu()):
        prev, chars = 0, []
        for i in seq[:n].tolist():
            if i != prev and i != 0:
                chars.append(idx2char[i])
            prev = i
        out.append("".join(chars))
    return out


def score(model, loader, device, idx2char):
    """Greedy-decode a loader and return (WER, CER)."""
    model.eval()
    hyps, refs = [], []
    with torch.inference_mode():
        for feats, feat_lens, _, _, texts in loader:
            log_probs, out_lens = model(feats.to(device), feat_lens.to(device))
            hyps += greedy(log_probs, out_lens, idx2char)
            refs += texts
    return jiwer.wer(refs, hyps), jiwer.cer(refs, hyps)
