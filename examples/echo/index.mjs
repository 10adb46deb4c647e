// The example function for `npm start`: returns the event it was given (its log shows it too).
/* global console */
export const handler = async event => {
  console.log('echo', JSON.stringify(event))
  return event
}
