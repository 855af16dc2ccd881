import QRCode from "qrcode";

/** A QR code as SVG markup, drawn on the server: the page shows it inline, with no script. */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
