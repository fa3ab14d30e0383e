import evaluate
import torch

_bleu = evaluate.load("sacrebleu")
_rouge = evaluate.load("rouge")


@torch.no_grad()
def generate_captions(model, processor, dataset, device, batch_size=48, max_length=40):
    model.eval()
    preds = []
    for start in range(0, len(dataset), batch_size):
        batch = dataset[start:start + batch_size]
        inputs = processor(images=batch["image"], return_tensors="pt").to(device)
        out = model.generate(**inputs, max_length=max_length, num_beams=3)
        preds.extend(processor.batch_decode(out, skip_special_tokens=True))
    return preds


def caption_scores(preds, refs):
    return {
        "bleu": _bleu.compute(predictions=preds, references=[[r] for r in refs])["score"],
        "rougeL": _rouge.compute(predictions=preds, references=refs)["rougeL"],
    }
