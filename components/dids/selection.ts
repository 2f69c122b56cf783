/** The form the DID list's row checkboxes belong to (the bulk bar renders it). */
export const DID_SELECTION_FORM = "did-selection";
