// The example function for `npm start`: returns the event it was given.
export const handler = async event => event
